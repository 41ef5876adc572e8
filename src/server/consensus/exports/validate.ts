import fs from 'node:fs';
import { serverFile } from '../../paths.js';

const read = (name: string) => fs.readFileSync(serverFile(`consensus/exports/akn-schema/${name}`), 'utf8');

/** Validates Akoma Ntoso against the OASIS schema kept beside this file; answers the errors, none when valid. */
export async function aknErrors(xml: string): Promise<string[]> {
  const result = await (await import('xmllint-wasm')).validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [{ fileName: 'akomantoso30.xsd', contents: read('akomantoso30.xsd') }],
    preload: [{ fileName: 'xml.xsd', contents: read('xml.xsd') }],
  });
  return result.valid ? [] : result.errors.map((e) => e.message);
}
