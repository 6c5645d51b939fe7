/** What kind of refusal: the CLI and tests tell them apart by it. */
export type PdfRefusal = 'broken' | 'encrypted' | 'no-text' | 'pages';

/** Why a PDF cannot be imported, in words for the editor who gave it. Nothing is written when it is thrown. */
export class PdfImportError extends Error {
  readonly reason: PdfRefusal;
  constructor(message: string, reason: PdfRefusal, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfImportError';
    this.reason = reason;
  }
}
