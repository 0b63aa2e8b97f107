import { evidenceCommands, shellWord } from './kubectl';

describe('evidenceCommands', () => {
  it('reproduces the previous-log and events reads for a Pod', () => {
    expect(
      evidenceCommands({
        cluster: 'paved-local',
        namespace: 'payments',
        kind: 'Pod',
        name: 'ledger-worker-1',
        container: 'ledger-worker',
        tailLines: 50,
        limitBytes: 16384,
      }),
    ).toEqual({
      events:
        'kubectl --context paved-local -n payments get events --field-selector involvedObject.kind=Pod,involvedObject.name=ledger-worker-1 --sort-by=.lastTimestamp',
      previousLog:
        'kubectl --context paved-local -n payments logs ledger-worker-1 -c ledger-worker --previous --tail=50 --limit-bytes=16384',
    });
  });

  it('has no log command for a workload', () => {
    const commands = evidenceCommands({
      cluster: 'prod',
      namespace: 'payments',
      kind: 'Deployment',
      name: 'payments-api',
      tailLines: 50,
      limitBytes: 16384,
    });
    expect(commands.previousLog).toBeUndefined();
    expect(commands.events).toContain('involvedObject.kind=Deployment');
  });

  it('quotes what the shell would split or expand', () => {
    expect(shellWord('eu west')).toBe("'eu west'");
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(shellWord('$(rm -rf /)')).toBe("'$(rm -rf /)'");
    expect(shellWord('arn:aws:eks:eu-west-1:123:cluster/prod')).toBe(
      'arn:aws:eks:eu-west-1:123:cluster/prod',
    );
  });
});
