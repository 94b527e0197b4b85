// Everything exported here is registered as a workflow; the bundler includes only this graph,
// so workflow files must import nothing but @temporalio/workflow and pure, deterministic code.
export { roundtripWorkflow } from './roundtrip';
export { runWorkflow } from './interpreter/run-workflow';
