import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import type {
  EvidenceResponse,
  HealthProblem,
} from '@paved/plugin-paved-common';
import {
  evidenceErrorMessage,
  PavedEvidenceApi,
  pavedEvidenceApiRef,
  PavedEvidenceError,
} from '../../api';
import { EvidenceButton } from './EvidenceButton';

const ENTITY = {
  kind: 'Component',
  namespace: 'default',
  name: 'ledger-worker',
};

const crashLoop: HealthProblem = {
  id: 'crashLoop:Pod:payments:ledger-worker-1:ledger-worker',
  signal: 'crashLoop' as HealthProblem['signal'],
  severity: 'critical',
  reason: 'CrashLoopBackOff',
  message: 'Back-off restarting failed container',
  object: {
    kind: 'Pod',
    namespace: 'payments',
    name: 'ledger-worker-1',
    container: 'ledger-worker',
  },
};

const COMMANDS = {
  previousLog:
    'kubectl --context paved-local -n payments logs ledger-worker-1 -c ledger-worker --previous --tail=100 --limit-bytes=65536',
  events:
    'kubectl --context paved-local -n payments get events --field-selector involvedObject.kind=Pod,involvedObject.name=ledger-worker-1 --sort-by=.lastTimestamp',
};

const response = (over: Partial<EvidenceResponse> = {}): EvidenceResponse => ({
  entityRef: 'component:default/ledger-worker',
  cluster: 'paved-local',
  namespace: 'payments',
  object: { kind: 'Pod', name: 'ledger-worker-1' },
  container: 'ledger-worker',
  containers: ['ledger-worker'],
  commands: COMMANDS,
  events: {
    ok: true,
    value: [
      {
        type: 'Warning',
        reason: 'BackOff',
        message: 'Back-off restarting failed container ledger-worker',
        count: 27,
        lastSeen: '2026-11-21T04:58:00Z',
        source: 'kubelet',
      },
    ],
  },
  previousLog: {
    ok: true,
    value: {
      found: true,
      lines: [
        '{"level":"info","msg":"connecting","password":"[redacted]"}',
        '{"level":"fatal","msg":"cannot start without a consistent ledger"}',
      ],
      redactedLines: 1,
      truncated: false,
      tailLines: 100,
      limitBytes: 65536,
    },
  },
  ...over,
});

async function open(api: Partial<PavedEvidenceApi>, problem = crashLoop) {
  await renderInTestApp(
    <TestApiProvider apis={[[pavedEvidenceApiRef, api]]}>
      <EvidenceButton entity={ENTITY} cluster="paved-local" problem={problem} />
    </TestApiProvider>,
  );
  fireEvent.click(
    screen.getByRole('button', {
      name: 'Evidence for Pod payments/ledger-worker-1 (ledger-worker)',
    }),
  );
  return screen.findByRole('dialog', {
    name: 'Evidence: Pod payments/ledger-worker-1 (ledger-worker)',
  });
}

describe('EvidenceButton', () => {
  it('reads nothing until opened, then shows the previous log, events and kubectl commands', async () => {
    const getEvidence = jest.fn(async () => response());
    await renderInTestApp(
      <TestApiProvider apis={[[pavedEvidenceApiRef, { getEvidence }]]}>
        <EvidenceButton
          entity={ENTITY}
          cluster="paved-local"
          problem={crashLoop}
        />
      </TestApiProvider>,
    );
    expect(getEvidence).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /^Evidence for/ }));
    const dialog = await screen.findByRole('dialog');
    const log = await within(dialog).findByLabelText('Previous container log');
    expect(getEvidence).toHaveBeenCalledWith(ENTITY, {
      cluster: 'paved-local',
      namespace: 'payments',
      kind: 'Pod',
      name: 'ledger-worker-1',
      container: 'ledger-worker',
    });
    expect(log).toHaveTextContent('cannot start without a consistent ledger');
    expect(log).toHaveTextContent('"password":"[redacted]"');
    expect(dialog).toHaveTextContent('1 line had credentials redacted');
    const events = within(dialog).getByRole('list', { name: 'Events' });
    expect(events).toHaveTextContent('BackOff · Warning · ×27');
    expect(
      within(dialog).getByLabelText('kubectl logs command'),
    ).toHaveTextContent(COMMANDS.previousLog);
    expect(
      within(dialog).getByLabelText('kubectl get events command'),
    ).toHaveTextContent(COMMANDS.events);

    fireEvent.click(
      within(dialog).getByRole('button', {
        name: 'Close the evidence drawer',
      }),
    );
    await screen.findByRole('button', { name: /^Evidence for/ });
  });

  it('says when the user lacks paved.logs.read', async () => {
    const getEvidence = jest.fn(async () => {
      throw new PavedEvidenceError(
        evidenceErrorMessage(403, ENTITY, 'Missing permission paved.logs.read'),
        403,
        'Missing permission paved.logs.read',
      );
    });
    const dialog = await open({ getEvidence });
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'You lack the permission paved.logs.read on Component:default/ledger-worker',
    );
  });

  it('says so when the previous log is empty, absent, or could not be read', async () => {
    const empty = await open({
      getEvidence: async () =>
        response({
          previousLog: {
            ok: true,
            value: {
              found: true,
              lines: [],
              redactedLines: 0,
              truncated: false,
              tailLines: 100,
              limitBytes: 65536,
            },
          },
          events: { ok: true, value: [] },
        }),
    });
    expect(
      await within(empty).findByText(
        'The previous container of ledger-worker wrote nothing to its log.',
      ),
    ).toBeInTheDocument();
    expect(empty).toHaveTextContent('No events about this Pod.');
  });

  it('shows why there is no previous log, and a failed read as the cluster error', async () => {
    const dialog = await open({
      getEvidence: async () =>
        response({
          previousLog: {
            ok: false,
            error: {
              name: 'ClusterRequestError',
              message: 'HTTP 500: kubelet said no',
              statusCode: 500,
            },
          },
          events: {
            ok: false,
            error: { name: 'ClusterTimeoutError', message: 'did not answer' },
          },
        }),
    });
    const alerts = await within(dialog).findAllByRole('alert');
    expect(alerts[0]).toHaveTextContent('500 · HTTP 500: kubelet said no');
    expect(alerts[1]).toHaveTextContent('paved.clusterAccess.clusterTimeout');

    const none = await open({
      getEvidence: async () =>
        response({
          previousLog: {
            ok: true,
            value: {
              found: false,
              message:
                'Container ledger-worker of Pod ledger-worker-1 has not terminated before: there is no previous log',
            },
          },
        }),
    });
    expect(
      await within(none).findByText(/has not terminated before/),
    ).toBeInTheDocument();
  });

  it("shows a cluster's error when the object could not be checked", async () => {
    const dialog = await open({
      getEvidence: async () =>
        response({
          previousLog: undefined,
          events: undefined,
          error: {
            name: 'ClusterRequestError',
            message: 'Cluster unreachable: connection refused',
            statusCode: 503,
          },
        }),
    });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      '503 · Cluster unreachable: connection refused',
    );
    // The commands still say how to look yourself.
    expect(dialog).toHaveTextContent(COMMANDS.events);
  });

  it('has no drawer for problems on nodes or other kinds, and reads workloads without a log', async () => {
    const getEvidence = jest.fn(async () =>
      response({
        object: { kind: 'StatefulSet', name: 'ledger-worker' },
        container: undefined,
        containers: undefined,
        previousLog: undefined,
        commands: { events: COMMANDS.events },
      }),
    );
    await renderInTestApp(
      <TestApiProvider apis={[[pavedEvidenceApiRef, { getEvidence }]]}>
        <EvidenceButton
          entity={ENTITY}
          cluster="paved-local"
          problem={{
            ...crashLoop,
            object: { kind: 'Node', name: 'paved-local-worker-a' },
          }}
        />
        <EvidenceButton
          entity={ENTITY}
          cluster="paved-local"
          problem={{
            ...crashLoop,
            reason: 'Unavailable',
            object: {
              kind: 'StatefulSet',
              namespace: 'payments',
              name: 'ledger-worker',
            },
          }}
        />
      </TestApiProvider>,
    );
    const buttons = screen.getAllByRole('button', { name: /^Evidence for/ });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]);
    const dialog = await screen.findByRole('dialog', {
      name: 'Evidence: StatefulSet payments/ledger-worker',
    });
    await within(dialog).findByRole('list', { name: 'Events' });
    expect(getEvidence).toHaveBeenCalledWith(ENTITY, {
      cluster: 'paved-local',
      namespace: 'payments',
      kind: 'StatefulSet',
      name: 'ledger-worker',
    });
    expect(
      within(dialog).queryByLabelText('Previous container log'),
    ).toBeNull();
  });
});
