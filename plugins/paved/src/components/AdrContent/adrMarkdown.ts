/**
 * Pure helpers for rendering a whole ADR from its Markdown file: sections,
 * and links and images resolved against where the file lives.
 */

/** A section of the record: a level-2 heading and what follows it. */
export interface AdrSection {
  /** As written, e.g. `Decision Outcome`; empty for text before any heading. */
  heading: string;
  /** A stable accessible name: `context`, `decision`, `consequences`, or the heading in lower case. */
  label: string;
  markdown: string;
}

/** MADR and Nygard name the three main sections differently. */
const CANONICAL: Record<string, string> = {
  'context and problem statement': 'context',
  'problem statement': 'context',
  'decision outcome': 'decision',
};

export function sectionLabel(heading: string): string {
  const name = heading
    .toLowerCase()
    .replace(/^\d+[.)]\s+/, '')
    .replace(/\s*:$/, '')
    .trim();
  return CANONICAL[name] ?? name;
}

/** Lines such as `* Status: accepted` or `Date: 2024-01-01`: the metadata panel shows these. */
const METADATA_LINE =
  /^\s*(?:[-*+]\s+)?(?:\*\*)?(?:status|date|deciders|decision-makers|consulted|informed|technical story|author|authors)(?:\*\*)?\s*:/i;

/**
 * The record's body without what the page already shows elsewhere: YAML
 * front matter, the `# Title` and the metadata lines before the first
 * section. Split into sections at level-2 headings (outside code fences).
 */
export function adrSections(markdown: string): AdrSection[] {
  let text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  text = text.replace(/^---\n[\s\S]*?\n(?:---|\.\.\.)\s*(?:\n|$)/, '');
  const lines = text.split('\n');
  const raw: { heading: string; lines: string[] }[] = [];
  let current: { heading: string; lines: string[] } = {
    heading: '',
    lines: [],
  };
  let fence: string | undefined;
  let titleSeen = false;
  for (const line of lines) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = undefined;
      current.lines.push(line);
      continue;
    }
    if (!fence && !titleSeen && /^\s{0,3}#\s+\S/.test(line)) {
      titleSeen = true;
      continue;
    }
    const heading = fence ? null : /^\s{0,3}##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      raw.push(current);
      current = { heading: heading[1], lines: [] };
      continue;
    }
    current.lines.push(line);
  }
  raw.push(current);
  return raw
    .map((s): AdrSection => {
      const body = s.heading
        ? s.lines
        : s.lines.filter(l => !METADATA_LINE.test(l));
      return {
        heading: s.heading,
        label: s.heading ? sectionLabel(s.heading) : 'introduction',
        markdown: body.join('\n').trim(),
      };
    })
    .filter(s => s.heading || s.markdown);
}

/** Targets of Markdown links and images, as written. */
export function markdownTargets(markdown: string): {
  links: string[];
  images: string[];
} {
  const links = new Set<string>();
  const images = new Set<string>();
  const inline =
    /(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g;
  for (const m of markdown.matchAll(inline)) {
    (m[1] ? images : links).add(m[2]);
  }
  const definitions = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/gm;
  for (const m of markdown.matchAll(definitions)) {
    // A definition may serve an image or a link: offer both.
    links.add(m[1]);
    images.add(m[1]);
  }
  return { links: [...links], images: [...images] };
}

/** True for `https:`, `mailto:`, `#top`, `/absolute` and other non-relative targets. */
export function isRelativeTarget(target: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|#|\/|\\)/i.test(target);
}

/**
 * A `file:` or `url:` location ref (the ADR's `paved.dev/markdown-source`)
 * and a relative target to the location ref of the target, without its
 * `#fragment`; `undefined` when the source is neither.
 */
export function resolveAgainstSource(
  source: string,
  target: string,
): { type: 'url' | 'file'; target: string; fragment: string } | undefined {
  const [path, ...rest] = target.split('#');
  const fragment = rest.length ? `#${rest.join('#')}` : '';
  const match = /^(url|file):(.*)$/.exec(source.trim());
  if (!match) return undefined;
  const [, type, base] = match;
  try {
    if (type === 'url') {
      return { type, target: new URL(path, base).toString(), fragment };
    }
    // file: targets are absolute paths; resolve as a file URL would.
    const url = new URL(
      path,
      `file://${base.startsWith('/') ? '' : '/'}${base}`,
    );
    return { type: 'file', target: decodeURIComponent(url.pathname), fragment };
  } catch {
    return undefined;
  }
}
