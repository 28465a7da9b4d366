// The bundled catalog of documented synthetic persons (client/data/syntpop-catalog.json) and the
// team file, as PersonSources over an in-memory list.

import catalog from '../../data/syntpop-catalog.json';
import type { PersonQuery, PersonSearchResult, PersonSource, TestPerson } from './model';
import { matches } from './query';

export function catalogPersons(): TestPerson[] {
  return catalog.persons.map((p) => ({
    nin: p.nin,
    name: p.name,
    sex: p.sex as TestPerson['sex'],
    birthDate: p.birthDate,
    children: 'children' in p ? p.children : undefined,
    registers: 'registers' in p ? p.registers : undefined,
    note: 'note' in p ? p.note : p.source,
    source: 'catalog' as const,
  }));
}

/** A source over a fixed list (the catalog) or a list that reloads (the team file). */
export class ListSource implements PersonSource {
  constructor(
    readonly id: 'catalog' | 'team',
    readonly label: string,
    private readonly load: () => Promise<{ persons: TestPerson[]; message?: string }> | { persons: TestPerson[]; message?: string },
    private readonly today: () => string,
  ) {}

  async search(query: PersonQuery, signal: AbortSignal): Promise<PersonSearchResult> {
    const { persons, message } = await this.load();
    if (signal.aborted) return { persons: [] };
    return { persons: persons.filter((p) => matches(p, query, this.today())), message };
  }
}
