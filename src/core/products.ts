// The product catalogue: what a customer can hold, and which products are credit (fair-lending rules).

export const productCatalog = [
  { code: 'current_account', name: 'Current account', family: 'deposit', credit: false },
  { code: 'savings', name: 'Savings account', family: 'deposit', credit: false },
  { code: 'student_account', name: 'Student account', family: 'deposit', credit: false },
  { code: 'business_account', name: 'Business current account', family: 'deposit', credit: false },
  { code: 'credit_card', name: 'Credit card', family: 'credit', credit: true },
  { code: 'overdraft', name: 'Arranged overdraft', family: 'credit', credit: true },
  { code: 'mortgage', name: 'Mortgage', family: 'credit', credit: true },
  { code: 'personal_loan', name: 'Personal loan', family: 'credit', credit: true },
  { code: 'car_loan', name: 'Car loan', family: 'credit', credit: true },
  { code: 'home_insurance', name: 'Home insurance', family: 'insurance', credit: false },
  { code: 'life_insurance', name: 'Life insurance', family: 'insurance', credit: false },
  { code: 'travel_insurance', name: 'Travel insurance', family: 'insurance', credit: false },
  { code: 'investment', name: 'Investment account', family: 'investment', credit: false },
  { code: 'pension', name: 'Pension plan', family: 'investment', credit: false },
] as const;

export type ProductCode = (typeof productCatalog)[number]['code'];

export const productCodes: readonly ProductCode[] = productCatalog.map((p) => p.code);

export function isProductCode(code: string): code is ProductCode {
  return (productCodes as readonly string[]).includes(code);
}
