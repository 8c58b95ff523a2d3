import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { LOOM_CONFIG, type LoomConfig } from '../config/config.js';
import { loadJwtSecret } from './jwt-secret.js';

export interface TokenClaims {
  sub: string;
  tv: number;
}

/** JWT access tokens: HS256 only (no `none`), with expiry and a token version bumped on password change. */
@Injectable()
export class TokenService {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, { claims: TokenClaims; exp: number }>();

  constructor(@Inject(LOOM_CONFIG) private readonly config: LoomConfig) {
    this.key = createSecretKey(loadJwtSecret(config.jwtSecret, config.dataDir));
  }

  sign(userId: string, tokenVersion: number): Promise<string> {
    return new SignJWT({ tv: tokenVersion })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuedAt()
      .setIssuer('loom')
      .setExpirationTime(`${this.config.jwtTtlSeconds}s`)
      .sign(this.key);
  }

  /**
   * Returns the claims, or null for anything tampered, expired or signed otherwise. A token that verified
   * once is remembered until it expires (the same string always verifies the same way), which saves
   * the WebCrypto round trip on every request.
   */
  async verify(token: string): Promise<TokenClaims | null> {
    const hit = this.verified.get(token);
    if (hit) {
      if (hit.exp * 1000 > Date.now()) return hit.claims;
      this.verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: 'loom' });
      if (typeof payload.sub !== 'string' || typeof payload.tv !== 'number' || typeof payload.exp !== 'number') return null;
      const claims = { sub: payload.sub, tv: payload.tv };
      if (this.verified.size >= 10_000) this.verified.clear();
      this.verified.set(token, { claims, exp: payload.exp });
      return claims;
    } catch {
      return null;
    }
  }
}
