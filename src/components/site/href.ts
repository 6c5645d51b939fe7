/** A site path with the configured base path in front (`/issues/` → `/kfjz/issues/`). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path}`;
}
