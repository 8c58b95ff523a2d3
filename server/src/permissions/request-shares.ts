import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import type { SharedIds } from './share-scope.js';

/**
 * The shares of the caller of the current request, attached to its CurrentUser object (one per
 * request, made by the auth guard) so `PermissionsService.access(user)` can stay synchronous.
 * A user object without them (a job, an automation) gets no share grants: less access, never more.
 */
@Injectable()
export class RequestShares {
  private readonly byUser = new WeakMap<CurrentUser, SharedIds>();

  attach(user: CurrentUser, shares: SharedIds): void {
    this.byUser.set(user, shares);
  }

  of(user: CurrentUser): SharedIds | undefined {
    return this.byUser.get(user);
  }
}
