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
  private readonly key: Uint8Array;

  constructor(@Inject(LOOM_CONFIG) private readonly config: LoomConfig) {
    this.key = loadJwtSecret(config.jwtSecret, config.dataDir);
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

  /** Returns the claims, or null for anything tampered, expired or signed otherwise. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: 'loom' });
      if (typeof payload.sub !== 'string' || typeof payload.tv !== 'number') return null;
      return { sub: payload.sub, tv: payload.tv };
    } catch {
      return null;
    }
  }
}
