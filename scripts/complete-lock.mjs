#!/usr/bin/env node
// Works around npm/cli#4828: `npm install` on one platform leaves other platforms' optional
// native packages (rollup, esbuild, ...) out of package-lock.json, and npm 11's `npm ci` then
// refuses the lockfile. This adds the missing entries from the registry's own metadata.
// Run after any `npm install` that changes the lockfile: node scripts/complete-lock.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

// The registry mirror here may not carry other platforms' binaries at all; then the os/cpu/libc
// gates are read from the package name (`<pkg>-<os>-<cpu>[-<libc>]`), which is all npm needs to
// skip them on this platform.
function lookup(name, range) {
  try {
    const view = JSON.parse(execFileSync('npm', ['view', `${name}@${range}`, 'version', 'dist.integrity', 'os', 'cpu', 'libc', 'license', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return Array.isArray(view) ? view[view.length - 1] : view;
  } catch {
    const parts = name.split('/').pop().split('-');
    const oses = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'netbsd', 'win32', 'sunos', 'aix', 'openharmony'];
    const i = parts.findIndex((p) => oses.includes(p));
    if (i < 0) throw new Error(`cannot resolve ${name}@${range} and cannot read a platform from its name`);
    const out = { version: range.replace(/^[~^=]/, ''), os: parts[i], cpu: parts[i + 1] };
    const libc = parts[i + 2];
    if (libc === 'gnu' || libc === 'musl') out.libc = libc;
    else if (libc === 'gnueabihf' || libc === 'musleabihf') out.libc = libc.startsWith('gnu') ? 'glibc' : 'musl';
    if (out.libc === 'gnu') out.libc = 'glibc';
    return out;
  }
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, range] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (pkgs[base] || pkgs[top]) continue;
    const v = lookup(name, range);
    const entry = { version: v.version };
    if (v['dist.integrity']) entry.integrity = v['dist.integrity'];
    if (meta.dev) entry.dev = true;
    entry.optional = true;
    if (v.license) entry.license = v.license;
    for (const k of ['cpu', 'libc', 'os']) if (v[k]) entry[k] = Array.isArray(v[k]) ? v[k] : [v[k]];
    pkgs[top] = entry;
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} optional package entries`);
