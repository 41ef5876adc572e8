import type { Plugin } from 'vite';

export function precompress(directory: string): Promise<string[]>;
export function precompressPlugin(): Plugin;
