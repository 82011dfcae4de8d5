package com.miniamazon.catalog;

import java.io.Serializable;

/** A product's stock at one warehouse: available to pack, and bought from the world but not yet arrived. */
public record WarehouseStockRow(int warehouseId, String warehouseName, int available, int onOrder)
        implements Serializable {}
