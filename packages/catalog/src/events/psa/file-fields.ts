import { count, label } from '../../fields';

/** What the PSA records about every stored file, documents and media alike. */
export const storedFileFields = () => ({
  fileName: label('Original file name'),
  contentType: label('MIME type, e.g. application/pdf'),
  sizeBytes: count('File size in bytes'),
  storageKey: label('Key of the file in object storage'),
});
