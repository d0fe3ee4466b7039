import { describe, expect, it } from '@jest/globals';
import { isPrivateAddress, privateAddressOf } from './webhook-address.js';

describe('webhook addresses', () => {
  it('knows the private, loopback and link-local ranges, in IPv4, IPv6 and mapped form', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.31.255.1',
      '192.168.0.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ]) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
    for (const address of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) {
      expect([address, isPrivateAddress(address)]).toEqual([address, false]);
    }
  });

  it('reads the host of a URL, literal addresses included', async () => {
    expect(await privateAddressOf('http://127.0.0.1:8080/hook')).toBe('127.0.0.1');
    expect(await privateAddressOf('http://[::1]/hook')).toBe('::1');
    expect(await privateAddressOf('https://93.184.216.34/hook')).toBeUndefined();
    expect(await privateAddressOf('http://localhost/hook')).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
