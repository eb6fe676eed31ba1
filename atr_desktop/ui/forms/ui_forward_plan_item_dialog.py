# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'forward_plan_item_dialog.ui'
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
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

from atr_desktop.ui.date_field import DateField

class Ui_ForwardPlanItemDialog(object):
    def setupUi(self, ForwardPlanItemDialog):
        if not ForwardPlanItemDialog.objectName():
            ForwardPlanItemDialog.setObjectName(u"ForwardPlanItemDialog")
        ForwardPlanItemDialog.resize(460, 220)
        self.verticalLayout = QVBoxLayout(ForwardPlanItemDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.titleLabel = QLabel(ForwardPlanItemDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(ForwardPlanItemDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.nextCheckLabel = QLabel(ForwardPlanItemDialog)
        self.nextCheckLabel.setObjectName(u"nextCheckLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nextCheckLabel)

        self.nextCheck = QCheckBox(ForwardPlanItemDialog)
        self.nextCheck.setObjectName(u"nextCheck")
        self.nextCheck.setChecked(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nextCheck)

        self.dateLabel = QLabel(ForwardPlanItemDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = DateField(ForwardPlanItemDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setEnabled(False)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.purposeLabel = QLabel(ForwardPlanItemDialog)
        self.purposeLabel.setObjectName(u"purposeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.purposeLabel)

        self.purposeCombo = QComboBox(ForwardPlanItemDialog)
        self.purposeCombo.setObjectName(u"purposeCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.purposeCombo)

        self.leadLabel = QLabel(ForwardPlanItemDialog)
        self.leadLabel.setObjectName(u"leadLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.leadLabel)

        self.leadEdit = QLineEdit(ForwardPlanItemDialog)
        self.leadEdit.setObjectName(u"leadEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.leadEdit)


        self.verticalLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(ForwardPlanItemDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.nextCheckLabel.setBuddy(self.nextCheck)
        self.dateLabel.setBuddy(self.dateEdit)
        self.purposeLabel.setBuddy(self.purposeCombo)
        self.leadLabel.setBuddy(self.leadEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ForwardPlanItemDialog)

        QMetaObject.connectSlotsByName(ForwardPlanItemDialog)
    # setupUi

    def retranslateUi(self, ForwardPlanItemDialog):
        ForwardPlanItemDialog.setWindowTitle(QCoreApplication.translate("ForwardPlanItemDialog", u"Forward plan item", None))
        self.titleLabel.setText(QCoreApplication.translate("ForwardPlanItemDialog", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("ForwardPlanItemDialog", u"Item title", None))
#endif // QT_CONFIG(accessibility)
        self.nextCheckLabel.setText(QCoreApplication.translate("ForwardPlanItemDialog", u"&When:", None))
#if QT_CONFIG(accessibility)
        self.nextCheck.setAccessibleName(QCoreApplication.translate("ForwardPlanItemDialog", u"For the next meeting", None))
#endif // QT_CONFIG(accessibility)
        self.nextCheck.setText(QCoreApplication.translate("ForwardPlanItemDialog", u"The next meeting", None))
        self.dateLabel.setText(QCoreApplication.translate("ForwardPlanItemDialog", u"On or &after:", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("ForwardPlanItemDialog", u"The first meeting on or after", None))
#endif // QT_CONFIG(accessibility)
        self.purposeLabel.setText(QCoreApplication.translate("ForwardPlanItemDialog", u"&Purpose:", None))
#if QT_CONFIG(accessibility)
        self.purposeCombo.setAccessibleName(QCoreApplication.translate("ForwardPlanItemDialog", u"Purpose", None))
#endif // QT_CONFIG(accessibility)
        self.leadLabel.setText(QCoreApplication.translate("ForwardPlanItemDialog", u"&Lead:", None))
#if QT_CONFIG(accessibility)
        self.leadEdit.setAccessibleName(QCoreApplication.translate("ForwardPlanItemDialog", u"Lead", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

