/** One product as the core sees it (plain object, no ORM types). */
export interface Product {
  id: number;
  name: string;
  sku: string;
  price: string;
  labels: number[];
  createdAt: Date;
  updatedAt: Date;
}

/** What it takes to create a product. */
export interface NewProduct {
  name: string;
  sku: string;
  price: string;
  labels?: number[];
}

/** A partial change to a product; absent properties stay as they are. */
export type ProductPatch = Partial<NewProduct>;

/** What a list of products can be narrowed by (each referenced row's id, each set of linked ids). */
export interface ProductFilter {
  /** Rows linking every one of these ids. */
  labels?: number[];
}
