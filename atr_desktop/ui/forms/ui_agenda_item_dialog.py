# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_item_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_AgendaItemDialog(object):
    def setupUi(self, AgendaItemDialog):
        if not AgendaItemDialog.objectName():
            AgendaItemDialog.setObjectName(u"AgendaItemDialog")
        AgendaItemDialog.resize(480, 260)
        self.verticalLayout = QVBoxLayout(AgendaItemDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.titleLabel = QLabel(AgendaItemDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(AgendaItemDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.leadLabel = QLabel(AgendaItemDialog)
        self.leadLabel.setObjectName(u"leadLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.leadLabel)

        self.leadEdit = QLineEdit(AgendaItemDialog)
        self.leadEdit.setObjectName(u"leadEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.leadEdit)

        self.purposeLabel = QLabel(AgendaItemDialog)
        self.purposeLabel.setObjectName(u"purposeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.purposeLabel)

        self.purposeCombo = QComboBox(AgendaItemDialog)
        self.purposeCombo.setObjectName(u"purposeCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.purposeCombo)

        self.minutesLabel = QLabel(AgendaItemDialog)
        self.minutesLabel.setObjectName(u"minutesLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.minutesLabel)

        self.minutesSpin = QSpinBox(AgendaItemDialog)
        self.minutesSpin.setObjectName(u"minutesSpin")
        self.minutesSpin.setMaximum(600)
        self.minutesSpin.setValue(10)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.minutesSpin)

        self.papersCheckLabel = QLabel(AgendaItemDialog)
        self.papersCheckLabel.setObjectName(u"papersCheckLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.papersCheckLabel)

        self.papersCheck = QCheckBox(AgendaItemDialog)
        self.papersCheck.setObjectName(u"papersCheck")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.papersCheck)

        self.confidentialCheckLabel = QLabel(AgendaItemDialog)
        self.confidentialCheckLabel.setObjectName(u"confidentialCheckLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.confidentialCheckLabel)

        self.confidentialCheck = QCheckBox(AgendaItemDialog)
        self.confidentialCheck.setObjectName(u"confidentialCheck")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.confidentialCheck)

        self.exemptionComboLabel = QLabel(AgendaItemDialog)
        self.exemptionComboLabel.setObjectName(u"exemptionComboLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.exemptionComboLabel)

        self.exemptionCombo = QComboBox(AgendaItemDialog)
        self.exemptionCombo.setObjectName(u"exemptionCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.exemptionCombo)

        self.exemptionEditLabel = QLabel(AgendaItemDialog)
        self.exemptionEditLabel.setObjectName(u"exemptionEditLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.exemptionEditLabel)

        self.exemptionEdit = QLineEdit(AgendaItemDialog)
        self.exemptionEdit.setObjectName(u"exemptionEdit")
        self.exemptionEdit.setMaxLength(120)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.exemptionEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(AgendaItemDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.leadLabel.setBuddy(self.leadEdit)
        self.purposeLabel.setBuddy(self.purposeCombo)
        self.minutesLabel.setBuddy(self.minutesSpin)
        self.papersCheckLabel.setBuddy(self.papersCheck)
        self.confidentialCheckLabel.setBuddy(self.confidentialCheck)
        self.exemptionComboLabel.setBuddy(self.exemptionCombo)
        self.exemptionEditLabel.setBuddy(self.exemptionEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AgendaItemDialog)

        QMetaObject.connectSlotsByName(AgendaItemDialog)
    # setupUi

    def retranslateUi(self, AgendaItemDialog):
        AgendaItemDialog.setWindowTitle(QCoreApplication.translate("AgendaItemDialog", u"Agenda item", None))
        self.titleLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("AgendaItemDialog", u"Item title", None))
#endif // QT_CONFIG(accessibility)
        self.leadLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"&Lead or presenter:", None))
#if QT_CONFIG(accessibility)
        self.leadEdit.setAccessibleName(QCoreApplication.translate("AgendaItemDialog", u"Lead or presenter", None))
#endif // QT_CONFIG(accessibility)
        self.purposeLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"&Purpose:", None))
#if QT_CONFIG(accessibility)
        self.purposeCombo.setAccessibleName(QCoreApplication.translate("AgendaItemDialog", u"Purpose", None))
#endif // QT_CONFIG(accessibility)
        self.minutesLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"&Minutes allotted:", None))
#if QT_CONFIG(accessibility)
        self.minutesSpin.setAccessibleName(QCoreApplication.translate("AgendaItemDialog", u"Minutes allotted", None))
#endif // QT_CONFIG(accessibility)
        self.papersCheckLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"Pape&rs:", None))
#if QT_CONFIG(accessibility)
        self.papersCheck.setAccessibleName(QCoreApplication.translate("AgendaItemDialog", u"With papers", None))
#endif // QT_CONFIG(accessibility)
        self.papersCheck.setText(QCoreApplication.translate("AgendaItemDialog", u"Papers expected (not verbal)", None))
        self.confidentialCheckLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"&Confidential:", None))
#if QT_CONFIG(accessibility)
        self.confidentialCheck.setAccessibleName(QCoreApplication.translate("AgendaItemDialog", u"Confidential (Part B)", None))
#endif // QT_CONFIG(accessibility)
        self.confidentialCheck.setText(QCoreApplication.translate("AgendaItemDialog", u"Part B: confidential, on a separate agenda", None))
        self.exemptionComboLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"E&xempt because:", None))
#if QT_CONFIG(accessibility)
        self.exemptionCombo.setAccessibleName(QCoreApplication.translate("AgendaItemDialog", u"Exemption reason", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.exemptionCombo.setToolTip(QCoreApplication.translate("AgendaItemDialog", u"Why a Part B item is exempt from publication; its papers and minutes are marked OFFICIAL-SENSITIVE with this reason", None))
#endif // QT_CONFIG(tooltip)
        self.exemptionEditLabel.setText(QCoreApplication.translate("AgendaItemDialog", u"Other reaso&n:", None))
#if QT_CONFIG(accessibility)
        self.exemptionEdit.setAccessibleName(QCoreApplication.translate("AgendaItemDialog", u"Other exemption reason", None))
#endif // QT_CONFIG(accessibility)
        self.exemptionEdit.setPlaceholderText(QCoreApplication.translate("AgendaItemDialog", u"In a few words, when the reason is 'other'", None))
    # retranslateUi

