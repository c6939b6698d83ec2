import React from 'react';
import { render, screen } from '@testing-library/react';

import { PanelFallback } from './PanelFallback';

const titles = { errorTitle: 'The query failed', loadingTitle: 'Loading…', emptyTitle: 'Nothing here' };

describe('PanelFallback', () => {
  it('shows the query errors first, even while loading', () => {
    render(
      <PanelFallback
        {...titles}
        errors={[{ level: 'error', message: 'Query A: upstream down' }]}
        loading
        width={200}
        height={100}
      />
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The query failed');
    expect(screen.getByText('Query A: upstream down')).toBeInTheDocument();
  });

  it('says it is loading when nothing failed', () => {
    render(<PanelFallback {...titles} errors={[]} loading width={200} height={100} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
  });

  it('says why there is nothing to show', () => {
    render(
      <PanelFallback {...titles} errors={[]} loading={false} emptyDetails={['Pick a query']} width={200} height={100} />
    );
    expect(screen.getByRole('status')).toHaveTextContent('Nothing here');
    expect(screen.getByText('Pick a query')).toBeInTheDocument();
  });
});
