/** Reading back the GitHub workflow commands the content check prints. */

/** What the runner does with a command line: its properties and message, unescaped. */
export function parseAnnotation(line: string) {
  const m = /^::(error|warning) ([^:]*)::(.*)$/.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string) =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    m[2]!.split(',').map((kv) => {
      const at = kv.indexOf('=');
      return [kv.slice(0, at), unescape(kv.slice(at + 1))];
    }),
  );
  return { level: m[1], properties, message: unescape(m[3]!) };
}
