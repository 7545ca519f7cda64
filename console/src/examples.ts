// The seeds' segment (docs/tutorial.md), offered as a starting point in the editor and the campaign form.
export const seedsSegment = 'spent(category: "home_inspection", within: 90d) > 0 and not holds("mortgage")';
