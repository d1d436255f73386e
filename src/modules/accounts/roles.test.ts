import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectivePermissions, grantableTokenRoles, permissionsOf } from './roles.js';

describe('roles and permissions', () => {
  it('gives user management and the audit log to admins only', () => {
    for (const role of ['lead', 'analyst', 'coordinator', 'viewer'] as const) {
      assert.equal(permissionsOf(role).has('users.manage'), false, role);
      assert.equal(permissionsOf(role).has('audit.read'), false, role);
    }
    assert.equal(permissionsOf('admin').has('users.manage'), true);
  });

  it('narrows a token to what both the token role and its owner may do', () => {
    assert.equal(effectivePermissions('admin', 'viewer').has('users.manage'), false);
    // An admin token whose owner was demoted to analyst no longer manages users.
    assert.equal(effectivePermissions('analyst', 'admin').has('users.manage'), false);
    assert.equal(effectivePermissions('admin', 'admin').has('users.manage'), true);
  });

  it('lets users give tokens their own role or viewer, and admins any role', () => {
    assert.deepEqual(grantableTokenRoles('analyst'), ['analyst', 'viewer']);
    assert.deepEqual(grantableTokenRoles('viewer'), ['viewer']);
    assert.equal(grantableTokenRoles('admin').length, 5);
  });
});
