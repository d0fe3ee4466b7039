import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes): OWASP's recommended family. */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spent when the e-mail is unknown, so that timing does not reveal which accounts exist. */
  async verifyNothing(password: string): Promise<false> {
    await argon2.hash(password, { type: argon2.argon2id });
    return false;
  }
}
