/**
 * The regions editor's behaviour (dev server only): draw, move, resize and delete rectangles on
 * each page scan, and keep the `pages:` front-matter in the text box in step with them.
 * Rectangles are held in fractions of the page, as the front-matter stores them.
 */
interface Rect {
  of: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
interface EditorPage {
  id: string;
  scan?: string;
  regions: Rect[];
  src?: string;
  width?: number;
  height?: number;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Regions smaller than this (a click, not a drag) are not kept. */
const MIN_SIZE = 0.005;
const clamp = (v: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, v));
const round = (v: number) => Math.round(v * 1000) / 1000;

/** The `pages:` block for the issue file, one region per line as `npm run check` reads it. */
export function pagesYaml(pages: readonly EditorPage[]): string {
  const lines = ['pages:'];
  for (const p of pages) {
    if (!p.scan) {
      lines.push(`  - ${p.id}`);
      continue;
    }
    lines.push(`  - id: ${p.id}`, `    scan: ${p.scan}`);
    if (p.regions.length === 0) continue;
    lines.push('    regions:');
    for (const r of p.regions)
      lines.push(`      - { of: ${r.of}, x: ${round(r.x)}, y: ${round(r.y)}, w: ${round(r.w)}, h: ${round(r.h)} }`);
  }
  return lines.join('\n');
}

export function startRegionEditor(root: HTMLElement): void {
  const pages = JSON.parse(root.dataset['pages'] ?? '[]') as EditorPage[];
  const select = root.querySelector<HTMLSelectElement>('#piece');
  const yaml = root.querySelector<HTMLTextAreaElement>('#yaml');
  let selected: { page: EditorPage; index: number } | undefined;

  const update = () => {
    if (yaml) yaml.value = pagesYaml(pages);
    for (const page of pages) draw(page);
  };

  function svgOf(page: EditorPage) {
    return root.querySelector<SVGSVGElement>(`[data-page="${page.id}"] svg`);
  }

  /** The pointer's position as fractions of the page. */
  function at(svg: SVGSVGElement, e: PointerEvent) {
    const box = svg.getBoundingClientRect();
    return { x: clamp((e.clientX - box.left) / box.width), y: clamp((e.clientY - box.top) / box.height) };
  }

  function draw(page: EditorPage) {
    const svg = svgOf(page);
    if (!svg || !page.width || !page.height) return;
    const [W, H] = [page.width, page.height];
    svg.replaceChildren();
    page.regions.forEach((r, index) => {
      const rect = document.createElementNS(SVG, 'rect');
      rect.setAttribute('class', selected?.page === page && selected.index === index ? 'region selected' : 'region');
      for (const [k, v] of Object.entries({ x: r.x * W, y: r.y * H, width: r.w * W, height: r.h * H }))
        rect.setAttribute(k, String(v));
      const title = document.createElementNS(SVG, 'title');
      title.textContent = r.of;
      rect.append(title);
      rect.addEventListener('pointerdown', (e) => drag(e, page, index, 'move'));
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('class', 'label');
      label.setAttribute('x', String(r.x * W + W / 200));
      label.setAttribute('y', String(r.y * H + W / 35));
      label.setAttribute('font-size', String(W / 40));
      label.setAttribute('stroke-width', String(W / 300));
      label.textContent = r.of;
      const handle = document.createElementNS(SVG, 'rect');
      handle.setAttribute('class', 'handle');
      const s = W / 80;
      for (const [k, v] of Object.entries({ x: (r.x + r.w) * W - s, y: (r.y + r.h) * H - s, width: s, height: s }))
        handle.setAttribute(k, String(v));
      handle.addEventListener('pointerdown', (e) => drag(e, page, index, 'resize'));
      svg.append(rect, label, handle);
    });
  }

  /** Moves or resizes region `index` of `page` while the pointer is down. */
  function drag(e: PointerEvent, page: EditorPage, index: number, mode: 'move' | 'resize') {
    e.stopPropagation();
    const svg = svgOf(page);
    const region = page.regions[index];
    if (!svg || !region) return;
    selected = { page, index };
    const start = at(svg, e);
    const from = { ...region };
    svg.setPointerCapture(e.pointerId);
    const onMove = (m: PointerEvent) => {
      const p = at(svg, m);
      const [dx, dy] = [p.x - start.x, p.y - start.y];
      if (mode === 'move') {
        region.x = clamp(from.x + dx, 0, 1 - from.w);
        region.y = clamp(from.y + dy, 0, 1 - from.h);
      } else {
        region.w = clamp(from.w + dx, MIN_SIZE, 1 - from.x);
        region.h = clamp(from.h + dy, MIN_SIZE, 1 - from.y);
      }
      update();
    };
    const onUp = () => {
      svg.removeEventListener('pointermove', onMove);
      svg.removeEventListener('pointerup', onUp);
      update();
    };
    svg.addEventListener('pointermove', onMove);
    svg.addEventListener('pointerup', onUp);
    update();
  }

  for (const page of pages) {
    const svg = svgOf(page);
    if (!svg) continue;
    // Dragging on the scan outside any region draws a new one for the chosen article.
    svg.addEventListener('pointerdown', (e) => {
      const of = select?.value;
      if (!of) return;
      const start = at(svg, e);
      const region: Rect = { of, x: start.x, y: start.y, w: 0, h: 0 };
      page.regions.push(region);
      selected = { page, index: page.regions.length - 1 };
      svg.setPointerCapture(e.pointerId);
      const onMove = (m: PointerEvent) => {
        const p = at(svg, m);
        Object.assign(region, {
          x: Math.min(start.x, p.x),
          y: Math.min(start.y, p.y),
          w: Math.abs(p.x - start.x),
          h: Math.abs(p.y - start.y),
        });
        update();
      };
      const onUp = () => {
        svg.removeEventListener('pointermove', onMove);
        svg.removeEventListener('pointerup', onUp);
        if (region.w < MIN_SIZE || region.h < MIN_SIZE) {
          page.regions.splice(page.regions.indexOf(region), 1);
          selected = undefined;
        }
        update();
      };
      svg.addEventListener('pointermove', onMove);
      svg.addEventListener('pointerup', onUp);
    });
  }

  document.addEventListener('keydown', (e) => {
    if ((e.key !== 'Delete' && e.key !== 'Backspace') || !selected || e.target instanceof HTMLInputElement) return;
    selected.page.regions.splice(selected.index, 1);
    selected = undefined;
    update();
  });

  root.querySelector('#copy')?.addEventListener('click', async () => {
    await navigator.clipboard.writeText(yaml?.value ?? '');
    const status = root.querySelector('#copied');
    if (status) status.textContent = '已复制';
  });

  update();
}
