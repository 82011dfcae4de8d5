package com.miniamazon.web.admin;

import com.miniamazon.administration.AdminService;
import com.miniamazon.administration.StoreFigures;
import com.miniamazon.administration.WarehouseRow;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backs the admin dashboard: head counts and warehouses. */
@Named
@ViewScoped
public class AdminDashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AdminService admin;

    private StoreFigures figures;
    private List<WarehouseRow> warehouses;

    public void load() {
        figures = admin.figures();
        warehouses = admin.warehouses();
    }

    public StoreFigures getFigures() {
        return figures;
    }

    public List<WarehouseRow> getWarehouses() {
        return warehouses;
    }
}
