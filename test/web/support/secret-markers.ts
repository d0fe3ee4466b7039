import { loadBank, type ChallengePackage } from '@app/challenge-kit';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A piece of text that only the server may know, and where it comes from. */
export interface SecretMarker {
  text: string;
  source: string;
}

function anchorsOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const entry of value) anchorsOf(entry, found);
  else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      if (key === 'anchor' && typeof entry === 'string') found.push(entry);
      else anchorsOf(entry, found);
    }
  }
  return found;
}

/**
 * What no candidate and no bundle may ever contain, taken from the real challenge bank: the names of
 * hidden tests, distinctive lines of reference solutions and hidden test files, and rubric anchors.
 * Lines that also appear in public material (statement, starters, sample tests) are left out.
 */
export async function secretMarkers(
  bankFolder = 'challenges',
  clientSources = 'apps/web/src',
): Promise<SecretMarker[]> {
  const bank = await loadBank(bankFolder);
  // A generic line a solution shares with the client's own code (a UUID pattern) is no secret.
  const clientText = bundleFiles(clientSources)
    .map((file) => file.text)
    .join('\n');
  return bank.challenges.flatMap(markersOf).filter((marker) => !clientText.includes(marker.text));
}

function markersOf(pkg: ChallengePackage): SecretMarker[] {
  const publicText = [
    pkg.statement,
    ...pkg.starters.map((starter) => starter.content),
    ...pkg.tests.filter((test) => test.sample).map((test) => JSON.stringify(test.raw)),
  ].join('\n');
  const markers: SecretMarker[] = [];
  const add = (text: string, source: string) => {
    const trimmed = text.trim();
    if (trimmed.length >= 24 && !publicText.includes(trimmed)) markers.push({ text: trimmed, source });
  };
  for (const test of pkg.tests) if (!test.sample) add(test.name, `${pkg.slug}: hidden test name`);
  for (const file of [...pkg.solutions, ...pkg.testFiles]) {
    const lines = file.content
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length >= 40 && !line.startsWith('//') && !line.startsWith('*') && !line.startsWith('/*'));
    // The longest few lines are distinctive enough and keep the scan fast.
    for (const line of lines.sort((a, b) => b.length - a.length).slice(0, 3)) add(line, `${pkg.slug}: ${file.path}`);
  }
  for (const anchor of anchorsOf(pkg.manifest)) add(anchor, `${pkg.slug}: rubric anchor`);
  return markers;
}

/** Every marker found in `text`, with where `text` came from. */
export function leaksIn(text: string, where: string, markers: SecretMarker[]): string[] {
  return markers.filter((marker) => text.includes(marker.text)).map((m) => `${where} contains ${m.source}: ${m.text}`);
}

/** The text of every file of a built bundle (apps/web/dist). */
export function bundleFiles(folder: string): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push({ path, text: readFileSync(path, 'utf8') });
    }
  };
  walk(folder);
  return files;
}
