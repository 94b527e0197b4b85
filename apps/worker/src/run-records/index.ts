// The run read model as others use it: ids that follow from a run's place, and the records a run writes.
export { stableUuid } from './stable-uuid';
export type { RecordBatch, StepWrite } from './records';
