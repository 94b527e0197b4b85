// The hand-written workflows bundled with the interpreter's modules, as the Cascade worker bundles
// them: Temporal evaluates a bundle's modules once per workflow run (reusable V8 context), so
// this tells the cost of the bundle apart from the cost of the interpreter's own work.
export * from '@cascade/worker/workflows';
export * from './baseline-workflows';
