/**
 * The designer's expression previews, run off the page's thread: an expression that takes its
 * whole time budget (or a single long step, which the sandbox cannot interrupt) holds this worker,
 * not the canvas, and the page can end it (preview-off-thread.ts).
 */
import { previewExpression } from './preview';
import type { PreviewAsk, PreviewReply } from './preview-off-thread';

const reply = (answer: PreviewReply) => (globalThis as unknown as { postMessage(message: PreviewReply): void }).postMessage(answer);

globalThis.addEventListener('message', (message: Event) => {
  const { id, source, context, now } = (message as MessageEvent<PreviewAsk>).data;
  void previewExpression(source, context, { now }).then((outcome) => reply({ id, outcome }));
});
