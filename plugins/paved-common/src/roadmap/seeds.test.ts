import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRoadmapMarkdown } from './parseRoadmap';
import { ParsedRoadmap } from './types';

function parseFixture(name: string): ParsedRoadmap {
  const text = readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');
  const result = parseRoadmapMarkdown(text);
  if (!result.ok) {
    throw new Error(result.error.message);
  }
  return result.value;
}

const summary = (roadmap: ParsedRoadmap) =>
  roadmap.phases.map(p => [
    p.title,
    p.items.length,
    `${p.progress.done}/${p.progress.total}`,
  ]);

describe('seed 000 (plain text exported from a PDF)', () => {
  const roadmap = parseFixture('seed-000-kubernetes-stories.txt');

  it('imports every phase and item with the checkbox counts in the file', () => {
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
    expect(ids).toEqual(expect.arrayContaining(['KBP-07', 'KBP-22', 'K8S-12']));
  });

  it('reads priority and story points from "Priority / Estimate" lines', () => {
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
});

describe('seed 001 (GitHub Markdown with task lists)', () => {
  const roadmap = parseFixture('seed-001-illm-k8s-lab.txt');

  it('imports every phase and item with the checkbox counts in the file', () => {
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
});
