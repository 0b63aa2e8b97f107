import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findRoadmapProblems } from './dependencies';
import { parseRoadmapMarkdown } from './parseRoadmap';
import { ParsedRoadmap } from './types';

// The two seed roadmaps are design input, not ours to ship: they are read
// where they live, `../shared/seeds` beside the repository (CI has it), or
// from PAVED_SEEDS_DIR. Files are picked by their number prefix.

/** The repository root: the nearest folder whose package.json is "paved". */
function repositoryRoot(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).name === 'paved'
    ) {
      return dir;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function seedsDir(): string | undefined {
  if (process.env.PAVED_SEEDS_DIR) return process.env.PAVED_SEEDS_DIR;
  const root = repositoryRoot(__dirname);
  return root && path.resolve(root, '..', 'shared', 'seeds');
}

function seedFile(prefix: string): string | undefined {
  const dir = seedsDir();
  if (!dir || !existsSync(dir)) return undefined;
  const name = readdirSync(dir)
    .sort()
    .find(file => file.startsWith(prefix));
  return name && path.join(dir, name);
}

/** Nothing, or why a seed's tests are skipped (also noted on the console). */
function skipNote(prefix: string, file: string | undefined): string {
  if (file) return '';
  const reason = `seed ${prefix}* not found in ${
    seedsDir() ?? '../shared/seeds'
  } (set PAVED_SEEDS_DIR)`;
  // eslint-disable-next-line no-console
  console.info(`Skipping the seed ${prefix} tests: ${reason}`);
  return ` (skipped: ${reason})`;
}

const describeIf = (file: string | undefined) =>
  file ? describe : describe.skip;

/** Parses a seed once, when a test first asks. */
function loader(file: string | undefined): () => ParsedRoadmap {
  let parsed: ParsedRoadmap | undefined;
  return () => {
    if (!parsed) {
      const result = parseRoadmapMarkdown(readFileSync(file!, 'utf8'));
      if (!result.ok) throw new Error(result.error.message);
      parsed = result.value;
    }
    return parsed;
  };
}

const seed000 = seedFile('000_');
const seed001 = seedFile('001_');

const summary = (roadmap: ParsedRoadmap) =>
  roadmap.phases.map(p => [
    p.title,
    p.items.length,
    `${p.progress.done}/${p.progress.total}`,
  ]);

describeIf(seed000)(
  `seed 000 (plain text exported from a PDF)${skipNote('000_', seed000)}`,
  () => {
    const seed = loader(seed000);
    it('imports every phase and item with the checkbox counts in the file', () => {
      const roadmap = seed();
      // Counted by hand from the file:
      //   grep -n '^[0-9]\+ [A-Z]' -> 17 numbered sections; section 2 is an
      //     index of stories defined later, so it holds no items of its own.
      //   grep -c '^- \*\*KBP-' -> 22 KBP items in section 1.
      //   grep -n '^K8S-[0-9]* —' -> one K8S story heading in each of 3..17.
      //   grep -n '☐' -> 47 boxes, all open: 4 under sections 3 and 4, 3 under
      //     each of sections 5..17 (4 + 4 + 13 * 3 = 47). No ☑/☒ in the file.
      expect(summary(roadmap)).toEqual([
        ['1 Workflow Phases (Overview)', 22, '0/0'],
        ['3 Getting Started with Kubernetes', 1, '0/4'],
        ['4 Creating a Kubernetes Cluster', 1, '0/4'],
        ['5 Learning to Use the Kubernetes Client', 1, '0/3'],
        ['6 Creating and Modifying Fundamental Workloads', 1, '0/3'],
        ['7 Working with Services', 1, '0/3'],
        ['8 Managing Application Manifests', 1, '0/3'],
        ['9 Volumes and Configuration Data', 1, '0/3'],
        ['10 Exploring the Kubernetes API and Key Metadata', 1, '0/3'],
        ['11 Security', 1, '0/3'],
        ['12 Monitoring and Logging', 1, '0/3'],
        ['13 Scaling', 1, '0/3'],
        ['14 Maintenance and Troubleshooting', 1, '0/3'],
        ['15 Service Meshes', 1, '0/3'],
        ['16 Serverless and Event-Driven Applications', 1, '0/3'],
        ['17 Extending Kubernetes', 1, '0/3'],
      ]);
      expect(roadmap.progress).toEqual({ done: 0, total: 47 });
      const ids = roadmap.phases.flatMap(p => p.items.map(i => i.id));
      expect(ids).toHaveLength(37);
      expect(new Set(ids).size).toBe(37);
      expect(ids).toEqual(
        expect.arrayContaining(['KBP-07', 'KBP-22', 'K8S-12']),
      );
    });

    it('reads priority and story points from "Priority / Estimate" lines', () => {
      const roadmap = seed();
      const k8s12 = roadmap.phases
        .flatMap(p => p.items)
        .find(i => i.id === 'K8S-12');
      expect(k8s12).toMatchObject({
        title: 'Diagnose & Repair Fast',
        status: 'planned',
        priority: 'Must',
        estimate: '5 SP',
        progress: { done: 0, total: 3 },
      });
      // Line 603 writes it as a table row; it must still be read.
      const k8s10 = roadmap.phases
        .flatMap(p => p.items)
        .find(i => i.id === 'K8S-10');
      expect(k8s10).toMatchObject({ priority: 'Must', estimate: '5 SP' });
    });
  },
);

describeIf(seed001)(
  `seed 001 (GitHub Markdown with task lists)${skipNote('001_', seed001)}`,
  () => {
    const seed = loader(seed001);
    it('imports every phase and item with the task-list counts in the file', () => {
      const roadmap = seed();
      // Counted independently with awk over the file:
      //   awk '/^## /{p=$0} /^[[:space:]]*[-*+] \[[ xX]\]/{t[p]++;
      //        if ($0 ~ /\[[xX]\]/) d[p]++} END{...}'
      // and items with grep -c '^### [0-9]' (72), per phase from the headings.
      // The Overview, Learning Path Summary and Notes sections hold no items
      // and no checkboxes.
      expect(summary(roadmap)).toEqual([
        ['Phase 1: Platform Bootstrap & GitOps Foundation', 5, '20/83'],
        ['Phase 2: CI/CD & Supply Chain Security', 4, '0/71'],
        ['Phase 3: Security Foundations', 8, '0/150'],
        ['Phase 4: Observability Stack', 6, '0/143'],
        ['Phase 5: Traffic Management', 3, '0/71'],
        ['Phase 6: Service Mesh', 5, '0/113'],
        ['Phase 7: Messaging & Event Streaming', 6, '0/140'],
        ['Phase 8: Deployment Strategies', 5, '0/89'],
        ['Phase 9: Autoscaling & Resource Management', 6, '0/136'],
        ['Phase 10: Data & Storage', 4, '0/84'],
        ['Phase 11: AI/ML Platform & Experiment Automation', 4, '0/83'],
        ['Phase 12: Advanced Topics & Benchmarks', 4, '0/64'],
        ['Phase 13: Chaos Engineering', 3, '0/28'],
        ['Phase 14: Workflow Orchestration & Automation', 3, '0/69'],
        ['Phase 15: Developer Experience & Internal Platform', 2, '0/39'],
        ['Phase 16: Architecture Artifacts', 4, '2/75'],
      ]);
      // grep -c '\[[ xX]\]' -> 1438; grep -c '\[[xX]\]' -> 22.
      expect(roadmap.progress).toEqual({ done: 22, total: 1438 });
      expect(roadmap.title).toBe('illm-k8s-lab TODO');
    });

    it('derives item status from its checkboxes and reads ADR lines', () => {
      const roadmap = seed();
      const items = roadmap.phases.flatMap(p => p.items);
      const byId = (id: string) => items.find(i => i.id === id);
      // 1.1: all 19 boxes ticked; 1.3: only its ADR box ticked; 1.2: none.
      expect(byId('1.1')).toMatchObject({
        status: 'done',
        progress: { done: 19, total: 19 },
      });
      expect(byId('1.3')).toMatchObject({
        status: 'in-progress',
        adrs: ['ADR-001'],
      });
      expect(byId('1.2')?.status).toBe('planned');
      expect(byId('6.0')?.title).toBe('Service Mesh Decision Framework');
    });

    it('reads "*Requires: Phase 4.3 (MinIO), ...*" and "*Builds on Phase 2*" as dependencies', () => {
      const roadmap = seed();
      // grep -n '^\*Requires:' -> 7 lines, each naming items by their number;
      // grep -n '^\*Builds on' -> 2 more: 3.4 on item 3.2, 14.3 on Phase 2.
      const withDeps = roadmap.phases
        .flatMap(p => p.items)
        .filter(i => i.dependsOn)
        .map(i => [i.id, i.dependsOn]);
      expect(withDeps).toEqual([
        ['3.4', ['3.2']],
        ['4.4', ['4.3']],
        ['4.5', ['4.1', '4.3', '4.4']],
        ['4.6', ['4.1', '4.3']],
        ['8.3', ['4.2', '5.1']],
        ['9.5', ['3.8']],
        ['9.6', ['1.4', '4.1', '9.5']],
        ['10.3', ['4.3']],
        ['14.3', ['2.1', '2.2', '2.3', '2.4']],
      ]);
      expect(findRoadmapProblems(roadmap.phases)).toEqual([]);
    });
  },
);
