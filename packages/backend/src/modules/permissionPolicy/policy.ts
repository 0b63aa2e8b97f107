import { PolicyDecision } from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyRules, PolicyRule, Requester } from './rules';

/**
 * Paved's portal permission policy: a first-match table of rules
 * (see `rules.ts`) with platform admins named in config.
 */
export class PavedPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly adminRefs: ReadonlySet<string>,
    private readonly rules: PolicyRule[] = policyRules,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const requester: Requester = {
      userEntityRef: user?.info.userEntityRef,
      ownershipEntityRefs: user?.info.ownershipEntityRefs ?? [],
    };
    const isAdmin = requester.ownershipEntityRefs.some(ref =>
      this.adminRefs.has(ref.toLocaleLowerCase('en-US')),
    );
    const rule = this.rules.find(
      r => r.appliesTo(requester, isAdmin) && r.matches(request.permission),
    );
    // The table ends with a catch-all, so a rule is always found.
    return rule!.decide(requester, request.permission);
  }
}
