package com.miniamazon.web.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.ordering.OrderDetail;
import com.miniamazon.ordering.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridPictureTest {

    private static OrderDetail order(OrderStatus status, Integer truck, boolean arrived) {
        return new OrderDetail(1, status, Instant.EPOCH, BigDecimal.ONE, 100, -50, null, null, null, false, true,
                List.of(), List.of(), List.of(new OrderDetail.ShipmentView(1001, 1, "Durham", 10, 10, truck, arrived,
                        false)));
    }

    @Test
    void everyPointFitsThePictureAndGridYGrowsUpwards() {
        GridPicture picture = new GridPicture(order(OrderStatus.PLACED, null, false));
        GridPicture.Mark warehouse = picture.getWarehouses().get(0);
        GridPicture.Mark destination = picture.getDestination();
        for (GridPicture.Mark mark : List.of(warehouse, destination)) {
            assertThat(mark.x()).isBetween(0.0, (double) GridPicture.WIDTH);
            assertThat(mark.y()).isBetween(0.0, (double) GridPicture.HEIGHT);
        }
        assertThat(destination.x()).isGreaterThan(warehouse.x());
        assertThat(destination.y()).isGreaterThan(warehouse.y()); // lower on the grid, further down the picture
        assertThat(picture.getTruck()).isNull();
    }

    @Test
    void theTruckIsDrawnWhereTheOrdersStatePutsIt() {
        GridPicture atWarehouse = new GridPicture(order(OrderStatus.PACKED, 7, true));
        assertThat(atWarehouse.getTruck().gridX()).isEqualTo(10);
        GridPicture onTheWay = new GridPicture(order(OrderStatus.DELIVERING, 7, true));
        assertThat(onTheWay.getTruck().gridX()).isEqualTo(55);
        assertThat(onTheWay.getTruck().label()).isEqualTo("Truck 7");
        GridPicture delivered = new GridPicture(order(OrderStatus.DELIVERED, 7, true));
        assertThat(delivered.getTruck().gridY()).isEqualTo(-50);
    }
}
