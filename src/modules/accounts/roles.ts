/**
 * Roles and what they may do, as data. A route names the permission it needs; a role grants a
 * set of permissions. Later modules add their permissions here so the whole matrix is one table.
 */
export const roles = ['admin', 'lead', 'analyst', 'coordinator', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'users.manage',
  'audit.read',
  'tokens.manage',
  'tokens.own',
  'registry.read',
  'registry.edit',
  'toolkit.read',
  'toolkit.edit',
  'toolkit.all',
  'constituents.read',
  'constituents.edit',
  'incidents.read',
  'incidents.handle',
  'incidents.manage',
  'law.read',
  'law.edit',
  'exchange.read',
  'exchange.share',
  'exchange.manage',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  admin: [
    'users.manage',
    'audit.read',
    'tokens.manage',
    'tokens.own',
    'registry.read',
    'registry.edit',
    'toolkit.read',
    'toolkit.edit',
    'toolkit.all',
    'constituents.read',
    'constituents.edit',
    'incidents.read',
    'incidents.handle',
    'incidents.manage',
    'law.read',
    'law.edit',
    'exchange.read',
    'exchange.share',
    'exchange.manage',
  ],
  // incidents.read: see incidents up to TLP:AMBER (RED and AMBER+STRICT need the incident's own
  // access list, whatever the role); incidents.handle: create, triage, work on and notify;
  // incidents.manage: settings, playbooks and templates, the mail intake, merge and reassign.
  // toolkit.read/edit reach the projects a user is a member of; toolkit.all reaches every one.
  // law.read: every role reads the provision catalogue and countries' legal assessments (public
  // law, nothing confidential). law.edit: a country's assessment is a judgement the team answers
  // for, so the team lead records it, and coordinators do across countries for harmonisation
  // reports; analysts and viewers read them.
  // exchange.read: see threat-intelligence objects and collections (TLP still applies);
  // exchange.share: create objects, import bundles and share them with peers; exchange.manage:
  // peers, sharing groups, the sharing policy, collections and deletion. A coordinator shares
  // (federation) but does not manage the instance's peers.
  lead: [
    'tokens.own',
    'registry.read',
    'toolkit.read',
    'toolkit.edit',
    'constituents.read',
    'constituents.edit',
    'incidents.read',
    'incidents.handle',
    'incidents.manage',
    'law.read',
    'law.edit',
    'exchange.read',
    'exchange.share',
    'exchange.manage',
  ],
  analyst: [
    'tokens.own',
    'registry.read',
    'toolkit.read',
    'toolkit.edit',
    'constituents.read',
    'constituents.edit',
    'incidents.read',
    'incidents.handle',
    'law.read',
    'exchange.read',
    'exchange.share',
  ],
  coordinator: [
    'tokens.own',
    'registry.read',
    'registry.edit',
    'toolkit.read',
    'toolkit.edit',
    'toolkit.all',
    'law.read',
    'law.edit',
    'exchange.read',
    'exchange.share',
  ],
  viewer: [
    'tokens.own',
    'registry.read',
    'toolkit.read',
    'constituents.read',
    'incidents.read',
    'law.read',
    'exchange.read',
  ],
};

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(grants[role]);
}

/**
 * What a request may do when it acts through an API token: the token's role, but never more
 * than its owner holds today (demoting a user also narrows the user's existing tokens).
 */
export function effectivePermissions(
  ownerRole: Role,
  tokenRole: Role | undefined,
): Set<Permission> {
  const owner = permissionsOf(ownerRole);
  if (tokenRole === undefined) return new Set(owner);
  return new Set([...permissionsOf(tokenRole)].filter((p) => owner.has(p)));
}

/** Roles a user may put on a token: their own, or read-only `viewer`; an admin may choose any. */
export function grantableTokenRoles(ownerRole: Role): Role[] {
  if (ownerRole === 'admin') return [...roles];
  return ownerRole === 'viewer' ? ['viewer'] : [ownerRole, 'viewer'];
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
