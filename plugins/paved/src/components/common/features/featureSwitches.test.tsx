import { Entity } from '@backstage/catalog-model';
import { configApiRef } from '@backstage/core-plugin-api';
import {
  coreExtensionData,
  ExtensionDefinition,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
} from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { render, screen, within } from '@testing-library/react';
import {
  PavedCostApi,
  pavedCostApiRef,
  PavedCrossplaneApi,
  pavedCrossplaneApiRef,
  pavedHealthApiRef,
} from '../../../api';
import { costCard, costContent } from '../../../alpha/costExtensions';
import {
  crossplaneClaimsCard,
  crossplaneContent,
} from '../../../alpha/crossplaneExtensions';
import { driftCard } from '../../../alpha/driftExtensions';
import { fleetPage } from '../../../alpha/fleetExtensions';
import { gitopsStatusCard } from '../../../alpha/gitopsExtensions';
import {
  clusterHealthCard,
  conformanceCard,
  workloadHealthCard,
} from '../../../alpha/healthExtensions';
import { tenantCard } from '../../../alpha/tenantExtensions';
import {
  componentEntity,
  componentResponse,
} from '../../health/fixtures.testutil';
import { EntityWorkloadHealthCard } from '../../health/EntityWorkloadHealthCard';
import { EntityPavedSummaryCard } from '../../summary/EntityPavedSummaryCard';
import { PAVED_FEATURES, PavedFeature } from './pavedFeatures';
import { usePavedFeature, withPavedFeature } from './PavedFeatureGate';

const entity = (
  kind: string,
  type: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', namespace: 'default', annotations },
  spec: { type },
});

/** One entity each card or tab of some feature is for. */
const ENTITIES = [
  entity('Component', 'service', {
    'backstage.io/kubernetes-id': 'x',
    'paved.dev/tier': '2',
    'paved.dev/namespaces': 'x',
  }),
  entity('Resource', 'kubernetes-cluster', { 'paved.dev/tier': '2' }),
  entity('Resource', 'kubernetes-tenant', {
    'paved.dev/tenant': 'x',
    'paved.dev/namespaces': 'x',
  }),
];

/** Each feature's cards and tabs in the new frontend system. */
const ENTITY_EXTENSIONS: Record<PavedFeature, ExtensionDefinition<any>[]> = {
  health: [clusterHealthCard, workloadHealthCard],
  conformance: [conformanceCard],
  cost: [costCard, costContent],
  crossplane: [crossplaneClaimsCard, crossplaneContent],
  gitops: [gitopsStatusCard],
  drift: [driftCard],
  tenants: [tenantCard],
  // A page and a button, checked below.
  fleet: [],
  evidence: [],
};

const configWith = (features: Record<string, boolean>) =>
  mockApis.config({ data: { paved: { features } } });

function filterOf(
  extension: ExtensionDefinition<any>,
  features: Record<string, boolean>,
) {
  const tester = createExtensionTester(extension, {
    apis: [[configApiRef, configWith(features)]],
  });
  return (tester.get(EntityCardBlueprint.dataRefs.filterFunction as any) ??
    tester.get(EntityContentBlueprint.dataRefs.filterFunction as any)) as (
    e: Entity,
  ) => boolean;
}

function Probe(props: { feature: PavedFeature }) {
  return <span>{usePavedFeature(props.feature) ? 'on' : 'off'}</span>;
}

describe('paved.features.<feature>: false', () => {
  it.each(PAVED_FEATURES.map(f => [f]))(
    'offers nothing of %s, and leaves the other features on',
    feature => {
      const off = { [feature]: false };
      for (const extension of ENTITY_EXTENSIONS[feature]) {
        // On (no config), the card or tab is for some entity; off, for none.
        expect(ENTITIES.some(filterOf(extension, {}))).toBe(true);
        expect(ENTITIES.some(filterOf(extension, off))).toBe(false);
      }
      for (const other of PAVED_FEATURES.filter(f => f !== feature)) {
        for (const extension of ENTITY_EXTENSIONS[other]) {
          expect(ENTITIES.some(filterOf(extension, off))).toBe(true);
        }
      }

      // What the legacy plugin exports for the feature renders nothing.
      const Card = withPavedFeature(feature, () => <p>the card</p>);
      const { unmount } = render(
        <TestApiProvider apis={[[configApiRef, configWith(off)]]}>
          <Card />
          <Probe feature={feature} />
        </TestApiProvider>,
      );
      expect(screen.queryByText('the card')).toBeNull();
      expect(screen.getByText('off')).toBeInTheDocument();
      unmount();
    },
  );

  it('takes the fleet page out of the nav and renders nothing there', () => {
    const on = createExtensionTester(fleetPage);
    expect(on.get(coreExtensionData.routeRef)).toBeDefined();
    const off = createExtensionTester(fleetPage, {
      apis: [[configApiRef, configWith({ fleet: false })]],
    });
    expect(off.get(coreExtensionData.routePath)).toBe('/clusters');
    expect(off.get(coreExtensionData.routeRef)).toBeUndefined();
    expect(off.get(coreExtensionData.title)).toBeUndefined();
  });

  it('is on by default and when set to true', () => {
    render(
      <TestApiProvider apis={[[configApiRef, configWith({ drift: true })]]}>
        {withPavedFeature('drift', () => <p>drift card</p>)({})}
        <Probe feature="cost" />
      </TestApiProvider>,
    );
    expect(screen.getByText('drift card')).toBeInTheDocument();
    expect(screen.getByText('on')).toBeInTheDocument();
  });

  it.each([[true], [false]])(
    'offers the evidence drawer beside workload problems only while evidence is on (%s)',
    async evidence => {
      await renderInTestApp(
        <TestApiProvider
          apis={[
            [configApiRef, configWith({ evidence })],
            [
              pavedHealthApiRef,
              { getEntityHealth: async () => componentResponse },
            ],
          ]}
        >
          <EntityProvider entity={componentEntity()}>
            <EntityWorkloadHealthCard />
          </EntityProvider>
        </TestApiProvider>,
      );
      await screen.findByRole('region', { name: 'Cluster paved-local' });
      expect(
        screen.queryAllByRole('button', { name: /^Evidence for / }).length > 0,
      ).toBe(evidence);
    },
  );

  it.each([
    ['health', '#paved-workload-health'],
    ['conformance', '#paved-conformance'],
    ['cost', '#paved-cost'],
    ['crossplane', '#paved-crossplane-claims'],
  ])('leaves the %s chip out of the summary', async (feature, href) => {
    const never = () => new Promise<never>(() => {});
    const costApi: Partial<PavedCostApi> = { getEntityCost: never };
    const crossplaneApi: Partial<PavedCrossplaneApi> = {
      getEntityClaims: never,
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [configApiRef, configWith({ [feature]: false })],
          [
            pavedHealthApiRef,
            { getEntityHealth: never, getEntityConformance: never },
          ],
          [pavedCostApiRef, costApi],
          [pavedCrossplaneApiRef, crossplaneApi],
        ]}
      >
        <EntityProvider entity={ENTITIES[0]}>
          <EntityPavedSummaryCard zone="UTC" />
        </EntityProvider>
      </TestApiProvider>,
    );
    const list = screen.getByRole('list', { name: 'Paved status' });
    const hrefs = within(list)
      .getAllByRole('link')
      .map(l => l.getAttribute('href'));
    expect(hrefs).toHaveLength(3);
    expect(hrefs).not.toContain(href);
  });
});
