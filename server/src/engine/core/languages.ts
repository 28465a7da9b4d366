// File name → VS Code language id, for hosts that have no editor to tell them (the CLI).

const BY_EXTENSION: Record<string, string> = {
  cs: 'csharp', csx: 'csharp', java: 'java', kt: 'kotlin', kts: 'kotlin', scala: 'scala', go: 'go', py: 'python', rb: 'ruby',
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact', js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact',
  json: 'json', jsonc: 'jsonc', json5: 'json', 'fhir.json': 'json',
  xml: 'xml', xsd: 'xml', wsdl: 'xml', xsl: 'xml', xslt: 'xml', cpa: 'xml', cpp: 'cpp', config: 'xml', csproj: 'xml', props: 'xml', targets: 'xml', resx: 'xml', svg: 'xml', pom: 'xml',
  yaml: 'yaml', yml: 'yaml', properties: 'properties', ini: 'ini', toml: 'toml', env: 'dotenv', conf: 'properties', cfg: 'ini',
  md: 'markdown', txt: 'plaintext', csv: 'csv', tsv: 'csv', sql: 'sql', sh: 'shellscript', bash: 'shellscript', ps1: 'powershell',
  http: 'http', rest: 'http', html: 'html', htm: 'html', vb: 'vb', fs: 'fsharp', php: 'php', swift: 'swift', dart: 'dart', rs: 'rust', c: 'c', h: 'c', hpp: 'cpp', cc: 'cpp',
  gradle: 'groovy', groovy: 'groovy', sln: 'plaintext', dockerfile: 'dockerfile', bicep: 'bicep', tf: 'terraform',
};

const BY_NAME: Record<string, string> = { dockerfile: 'dockerfile', '.env': 'dotenv', jenkinsfile: 'groovy', makefile: 'makefile' };

export function languageIdFor(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()!.toLowerCase();
  if (BY_NAME[base]) return BY_NAME[base];
  if (base.startsWith('.env')) return 'dotenv';
  const dot = base.indexOf('.');
  if (dot < 0) return 'plaintext';
  const ext = base.slice(base.lastIndexOf('.') + 1);
  return BY_EXTENSION[ext] ?? 'plaintext';
}
