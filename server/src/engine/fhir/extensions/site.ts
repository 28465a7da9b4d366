// An extension or modifierExtension met by the structural walk, with what its definition's context
// is matched against.

import type { FhirNode } from '../tree';

export interface ExtensionSite {
  /** The Extension element itself. */
  node: FhirNode;
  /** The element (or resource) that carries it. */
  holder: FhirNode;
  /** The extension this one is inside (on its value, or one of its parts), if any. */
  enclosing?: FhirNode;
  modifier: boolean;
  /**
   * Where it is used, as StructureDefinition.context expressions would name it: the definition path
   * walked (`Patient`, `Patient.contact`, `Address`, `Element`, `Extension`), then the holder's element
   * path and type when a data type is walked (`Patient.address`; `Address.district`, `string`).
   */
  context: string[];
  /** Instance path (`Patient.address[0].extension[1]`). */
  path: string;
  resource: FhirNode;
}
