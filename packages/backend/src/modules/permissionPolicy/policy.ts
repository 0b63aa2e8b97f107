import { PolicyDecision } from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { UserInfoService } from '@backstage/backend-plugin-api';
import { policyRules, PolicyRule, Requester } from './rules';

/**
 * Paved's portal permission policy: a first-match table of rules
 * (see `rules.ts`) with platform admins named in config.
 */
export class PavedPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly adminRefs: ReadonlySet<string>,
    private readonly userInfo: UserInfoService,
    private readonly rules: PolicyRule[] = policyRules,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    // PolicyQueryUser.info is deprecated: the user info service reads the
    // same claims from the credentials.
    const info = user
      ? await this.userInfo.getUserInfo(user.credentials)
      : undefined;
    const requester: Requester = {
      userEntityRef: info?.userEntityRef,
      ownershipEntityRefs: info?.ownershipEntityRefs ?? [],
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
