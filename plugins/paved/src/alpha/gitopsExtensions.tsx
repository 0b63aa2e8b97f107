import { isGitOpsEntity } from '../components/gitops/gitopsEntity';
import { pavedEntityCard } from './pavedBlueprints';

/** On components (their workloads) and tenants (their namespaces). */
export const gitopsStatusCard = pavedEntityCard({
  feature: 'gitops',
  name: 'gitops-status',
  filter: isGitOpsEntity,
  loader: () =>
    import('../components/gitops/EntityGitOpsStatusCard').then(m => (
      <m.EntityGitOpsStatusCard />
    )),
});
