/**
 * The `.pb` files the tests read, shipped in tests/fixtures/pabulib: real elections from Pabulib in real/ (kept
 * exactly as published), small hand-made ones in hand-made/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePabulib, type PbElection } from '../../../src/lib/server/menus/pabulib';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/pabulib', import.meta.url));
export const REAL = path.join(FIXTURES, 'real');
export const HAND_MADE = path.join(FIXTURES, 'hand-made');

export function realFiles(): string[] {
	return readdirSync(REAL)
		.filter((name) => name.endsWith('.pb'))
		.sort();
}

export function realText(name: string): string {
	return readFileSync(path.join(REAL, name), 'utf8');
}

export function handMadeText(name: string): string {
	return readFileSync(path.join(HAND_MADE, name), 'utf8');
}

const cache = new Map<string, PbElection>();

/** A real election, parsed once per test file (tests must not change it). */
export function real(name: string): PbElection {
	if (!cache.has(name)) cache.set(name, parsePabulib(realText(name)));
	return cache.get(name) as PbElection;
}

export function handMade(name: string): PbElection {
	return parsePabulib(handMadeText(name));
}

/** The ids the file marks as funded by its rule (selected 1), sorted. */
export function published(election: PbElection): string[] {
	return election.projects
		.filter((project) => project.columns.selected?.trim() === '1')
		.map((project) => project.id)
		.sort();
}
