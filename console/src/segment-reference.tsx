// The segment language at hand: each function with one example, the filters, categories and products, all from
// the language's own tables; an example can be put into the editor with one click.
import { productCatalog } from '../../src/core/products.ts';
import { categories } from '../../src/core/taxonomy.ts';
import { languageFilters, languageFunctions } from '../../src/language/functions.ts';

export function SegmentReference({ onUse }: { onUse: (example: string) => void }) {
  return (
    <details className="segment-reference">
      <summary>Reference: functions, filters, categories and products</summary>
      <table>
        <caption>Functions</caption>
        <thead>
          <tr>
            <th scope="col">Function</th>
            <th scope="col">Meaning</th>
            <th scope="col">Example</th>
          </tr>
        </thead>
        <tbody>
          {languageFunctions.map((f) => (
            <tr key={f.name}>
              <th scope="row">
                <code>{f.signature}</code>
              </th>
              <td>{f.meaning}</td>
              <td>
                <code>{f.example}</code>{' '}
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Use the example of ${f.name}`}
                  onClick={() => onUse(f.example)}
                >
                  Use
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Filters of the transaction functions</caption>
        <tbody>
          {languageFilters.map((f) => (
            <tr key={f.name}>
              <th scope="row">
                <code>{f.name}:</code>
              </th>
              <td>{f.value}</td>
              <td>{f.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Categories</h3>
      <ul className="code-list">
        {categories.map((c) => (
          <li key={c.code}>
            <code>"{c.code}"</code> {c.name}
          </li>
        ))}
      </ul>
      <h3>Products</h3>
      <ul className="code-list">
        {productCatalog.map((p) => (
          <li key={p.code}>
            <code>"{p.code}"</code> {p.name}
          </li>
        ))}
      </ul>
    </details>
  );
}
