// What runs the dispatch of stored events outside the worker's own main (the run benchmark).
export { startDispatcher } from './dispatcher';
export { createEventRouter } from './route-event';
