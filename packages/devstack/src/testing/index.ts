export { createIsolatedDatabase } from './databases';
export { startMailCapture, type MailCapture } from '../mail-capture';
