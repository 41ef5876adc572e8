export interface TestImport {
  file: string;
  /** What it imports; null for a compiled file that itself sits in a test-support folder. */
  specifier: string | null;
}
export function isTestImport(specifier: string): boolean;
export function findTestImports(folders: string[]): TestImport[];
export function describeTestImports(found: TestImport[], root: string): string;
