'use client';

import { DEFINITION_LIMITS } from '@cascade/workflow';

/** Offers `text` as a file download named `name`. */
export function downloadText(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoked once the browser has started the download, which it does after this task.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The text of a file the user picked, or why it cannot be a workflow. The size is checked before
 * the file is read, so a huge file is refused without loading it.
 */
export async function readWorkflowFile(file: File): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (file.size > DEFINITION_LIMITS.bytes) {
    return { ok: false, error: `${file.name} is ${(file.size / (1024 * 1024)).toFixed(1)} MB; a workflow is at most 1.0 MB` };
  }
  return { ok: true, text: await file.text() };
}
