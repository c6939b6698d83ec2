import { parseVariableQuery } from './variables';

describe('parseVariableQuery', () => {
  it.each([
    ['categories', { path: 'categories' }],
    [' services ', { path: 'services' }],
    ['severities', { path: 'severities' }],
    ['objectives', { path: 'objectives' }],
    ['metrics', { path: 'metrics' }],
    ['metrics(database)', { path: 'metrics', params: { category: 'database' } }],
    ['metrics( api )', { path: 'metrics', params: { category: 'api' } }],
  ])('reads %s', (query, expected) => {
    expect(parseVariableQuery(query)).toEqual(expected);
  });

  it('explains the accepted forms on anything else', () => {
    expect(() => parseVariableQuery('select *')).toThrow(
      /Use categories, metrics, metrics\(<category>\), services, severities or objectives/
    );
  });
});
