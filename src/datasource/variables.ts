/**
 * Template variable queries, answered by the backend's resource calls:
 *   categories | metrics | metrics(<category>) | services | severities
 */
export interface VariableResourceCall {
  path: 'categories' | 'metrics' | 'services' | 'severities';
  params?: Record<string, string>;
}

const PATTERN = /^\s*(categories|metrics|services|severities)\s*(?:\(\s*([^)]*?)\s*\))?\s*$/;

export function parseVariableQuery(query: string): VariableResourceCall {
  const match = PATTERN.exec(query);
  if (!match) {
    throw new Error(
      `Unknown variable query "${query}". Use categories, metrics, metrics(<category>), services or severities.`
    );
  }
  const path = match[1] as VariableResourceCall['path'];
  const argument = match[2];
  return path === 'metrics' && argument ? { path, params: { category: argument } } : { path };
}
