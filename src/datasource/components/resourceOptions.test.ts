import { DataSource } from '../datasource';
import { resourceOptions } from './resourceOptions';

describe('resourceOptions', () => {
  it('maps backend options and filters by what the user types', async () => {
    const ds = {
      getResource: jest.fn().mockResolvedValue([
        { value: 'api', label: 'API', description: '9 metrics' },
        { value: 'database', label: 'Database', description: '8 metrics' },
      ]),
    } as unknown as DataSource;
    await expect(resourceOptions(ds, 'categories')('data')).resolves.toEqual([
      { value: 'database', label: 'Database', description: '8 metrics' },
    ]);
  });

  it('leaves the picker empty, not broken, when the backend call fails', async () => {
    const ds = { getResource: jest.fn().mockRejectedValue(new Error('502')) } as unknown as DataSource;
    await expect(resourceOptions(ds, 'services')('')).resolves.toEqual([]);
  });
});
