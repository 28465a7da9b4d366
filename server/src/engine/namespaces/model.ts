// One entry of the namespace catalog (schemas/namespaces.yaml, schema schemas/namespaces.schema.json).

export type NamespaceStatus = 'current' | 'superseded' | 'outdated';

export interface NamespaceEntry {
  uri: string;
  standard: 'kith' | 'e-resept' | 'helsenorge' | 'forskrivningsmodul' | 'nav' | 'w3c';
  /** Message or schema name: `Dialogmelding`, `M1 Resept`. */
  message: string;
  /** `1.1`, or the namespace date for e-resept. */
  version: string;
  /** e-resept release named by the schema (2.4, 2.5, …). */
  release?: string;
  status: NamespaceStatus;
  /** The newest namespace of the same message. */
  successor?: string;
  docs?: string;
  note?: string;
  /** A public, immutable copy of the namespace's XSD and its sha256: what step 4 of schema resolution may fetch. */
  schema?: { url: string; sha256: string };
}
