/**
 * Template variable queries, answered by the backend's resource calls:
 *   categories | metrics | metrics(<category>) | services | severities | objectives
 */
export interface VariableResourceCall {
  path: 'categories' | 'metrics' | 'services' | 'severities' | 'objectives';
  params?: Record<string, string>;
}

const PATTERN = /^\s*(categories|metrics|services|severities|objectives)\s*(?:\(\s*([^)]*?)\s*\))?\s*$/;

export function parseVariableQuery(query: string): VariableResourceCall {
  const match = PATTERN.exec(query);
  if (!match) {
    throw new Error(
      `Unknown variable query "${query}". Use categories, metrics, metrics(<category>), services, severities or objectives.`
    );
  }
  const path = match[1] as VariableResourceCall['path'];
  const argument = match[2];
  return path === 'metrics' && argument ? { path, params: { category: argument } } : { path };
}
