import { parseAllDocuments } from 'yaml';
import { TenantClaimSpec } from '../render/tenant/claim';
import { KubeObject } from '../render/types';

/*
 * What function-go-templating does with the Tenant Composition's template,
 * for tests: a small evaluator of the subset of Go template syntax the
 * generator writes (range, if/else if/end over `and`, `or`, `eq`, `not`,
 * variables, string literals).
 */

type Scope = Record<string, unknown>;
type Node =
  | { text: string }
  | { expr: string }
  | { range: string; body: Node[] }
  | { branches: Array<{ cond?: string; body: Node[] }> };

const ACTION = /\{\{-?(?:"[^"]*"|[^"])*?\}\}/g;

function parse(template: string): Node[] {
  const tokens: Array<{ text?: string; action?: string }> = [];
  let last = 0;
  for (const m of template.matchAll(ACTION)) {
    let text = template.slice(last, m.index);
    if (m[0].startsWith('{{-')) text = text.replace(/\s+$/, '');
    tokens.push({ text });
    tokens.push({
      action: m[0]
        .replace(/^\{\{-?\s*/, '')
        .replace(/\s*\}\}$/, '')
        .trim(),
    });
    last = m.index! + m[0].length;
  }
  tokens.push({ text: template.slice(last) });
  let i = 0;
  const block = (stopAt: string[]): Node[] => {
    const out: Node[] = [];
    while (i < tokens.length) {
      const t = tokens[i];
      if (t.text !== undefined) {
        out.push({ text: t.text });
        i++;
        continue;
      }
      const a = t.action!;
      if (stopAt.some(s => a === s || a.startsWith(`${s} `))) return out;
      i++;
      if (/^\$\w+ :=/.test(a)) continue; // the test sets variables itself
      if (a.startsWith('range ')) {
        const body = block(['end']);
        i++;
        out.push({ range: a, body });
      } else if (a.startsWith('if ')) {
        const branches: Array<{ cond?: string; body: Node[] }> = [];
        let cond: string | undefined = a.slice(3);
        for (;;) {
          const body = block(['else', 'end']);
          branches.push({ cond, body });
          const stop = tokens[i++].action!;
          if (stop === 'end') break;
          cond = stop.startsWith('else if ') ? stop.slice(8) : undefined;
        }
        out.push({ branches });
      } else {
        out.push({ expr: a });
      }
    }
    return out;
  };
  return block([]);
}

function lookup(scope: Scope, path: string): unknown {
  const [head, ...rest] = path.split('.');
  return rest.reduce<any>((v, k) => v?.[k], scope[head]);
}

function truthy(cond: string, scope: Scope): boolean {
  if (/^\$[\w.]+$/.test(cond)) return Boolean(lookup(scope, cond));
  const clauses = [
    ...cond.matchAll(
      /\(and \(eq \$pc "([^"]*)"\) (\$guard|\(not \$guard\))\)/g,
    ),
  ];
  if (!clauses.length) throw new Error(`condition not understood: ${cond}`);
  return clauses.some(
    ([, pc, guard]) =>
      scope.$pc === pc && (guard === '$guard') === scope.$guard,
  );
}

function run(nodes: Node[], scope: Scope): string {
  return nodes
    .map(n => {
      if ('text' in n) return n.text;
      if ('expr' in n) {
        if (/^"[^"]*"$/.test(n.expr)) return JSON.parse(n.expr);
        return String(lookup(scope, n.expr));
      }
      if ('range' in n) {
        const pair = /^range (\$\w+), (\$\w+) := (\S+)$/.exec(n.range);
        if (pair) {
          // Go ranges over a map in key order.
          const map = (lookup(scope, pair[3]) ?? {}) as Record<string, unknown>;
          return Object.keys(map)
            .sort()
            .map(k =>
              run(n.body, { ...scope, [pair[1]]: k, [pair[2]]: map[k] }),
            )
            .join('');
        }
        const [, name, list] = /^range (\$\w+) := (\S+)$/.exec(n.range)!;
        return (lookup(scope, list) as string[])
          .map(v => run(n.body, { ...scope, [name]: v }))
          .join('');
      }
      const taken = n.branches.find(b => !b.cond || truthy(b.cond, scope));
      return taken ? run(taken.body, scope) : '';
    })
    .join('');
}

/** The provider-kubernetes Objects the Composition composes for a claim. */
export function composeObjects(
  template: string,
  spec: TenantClaimSpec,
): KubeObject[] {
  const out = run(parse(template), {
    $s: spec,
    $tenant: spec.tenant,
    $pc: spec.priorityClass ?? '',
    $guard: spec.guardrails,
  });
  const docs = parseAllDocuments(out)
    .map(d => d.toJS())
    .filter(Boolean);
  // function-go-templating needs a distinct name for every composed resource.
  const names = docs.map(
    o =>
      o.metadata.annotations[
        'gotemplating.fn.crossplane.io/composition-resource-name'
      ],
  );
  if (new Set(names).size !== names.length)
    throw new Error(`composed resource names repeat: ${names.join(', ')}`);
  for (const o of docs)
    if (o.kind !== 'Object') throw new Error(`composed a ${o.kind}, not an Object`);
  return docs;
}

/** What the Composition composes for a claim: the Objects' manifests. */
export const compose = (template: string, spec: TenantClaimSpec): KubeObject[] =>
  composeObjects(template, spec).map(o => (o as any).spec.forProvider.manifest);

