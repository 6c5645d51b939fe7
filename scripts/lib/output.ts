/**
 * What a failed build prints: an error's message, where it happened and Astro's hint, never
 * its stack. Editors act on the message and the file or page it names; a stack trace points
 * into Astro's internals and hides the message in noise.
 */

const STACK_FRAME = /^\s+at .+/;

/** An error as one readable block: `file:line: message`, Astro's hint, and its cause. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const e = error as Error & { loc?: { file?: string; line?: number }; hint?: string; issues?: unknown };
  const where = e.loc?.file ? `${e.loc.file}${e.loc.line === undefined ? '' : `:${e.loc.line}`}: ` : '';
  // A zod error (an invalid Astro config) carries its issues as JSON in the message.
  const message = Array.isArray(e.issues)
    ? (e.issues as { path?: PropertyKey[]; message?: string }[])
        .map((i) => `${(i.path ?? []).map(String).join('.') || '(config)'}: ${i.message ?? ''}`)
        .join('\n')
    : e.message;
  const cause = e.cause instanceof Error && !message.includes(e.cause.message) ? `\n(cause: ${e.cause.message})` : '';
  return `${where}${message}${e.hint ? `\nhint: ${e.hint}` : ''}${cause}`;
}

/** Text with its stack-frame lines (`    at fn (file:1:2)`) removed. */
export const stripStackFrames = (text: string) =>
  text.includes('    at ')
    ? text
        .split('\n')
        .filter((line) => !STACK_FRAME.test(line))
        .join('\n')
    : text;

/**
 * Drops stack frames from everything written to `stream` from now on: Astro logs an error
 * thrown while rendering a page together with its stack.
 */
export function hideStackFrames(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(typeof chunk === 'string' ? stripStackFrames(chunk) : chunk, ...rest)) as typeof stream.write;
}
